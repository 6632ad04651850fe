import type { Resource } from '../../graph/resource';
import { Unknown, asBool, refsIn, show } from '../../graph/values';
import type { DataStoreView } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import type { AdapterContext } from '../registry';
import { type Encryption, base, bool, withTags } from '../common/store-base';

/* EBS volumes and EFS file systems -> data-store views. */

/**
 * `AWS::EC2::Volume`. `Encrypted: true` without `KmsKeyId` uses the account's default EBS key, which
 * the template does not name: counted as an AWS managed key. Unset, the volume is encrypted only if
 * EBS encryption by default is on in the account, which the template cannot show.
 */
export function volumeView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = asBool(p.Encrypted);
  let encryption: Encryption;
  if (encrypted instanceof Unknown) encryption = { atRest: encrypted };
  else if (encrypted === true) encryption = kmsEncryption(p.KmsKeyId, ctx.graph, 'kms-provider-key', r);
  else if (p.SnapshotId !== undefined && p.SnapshotId !== null)
    encryption = {
      atRest: new Unknown(
        `encryption is inherited from snapshot ${show(p.SnapshotId)}`,
        refsIn(p.SnapshotId),
      ),
    };
  else if (encrypted === false) encryption = { atRest: 'none' };
  else
    encryption = {
      atRest: new Unknown(
        '`Encrypted` is not set: the volume is encrypted only if EBS encryption by default is on in the account and region',
      ),
    };
  return base(r, 'block-volume', encryption);
}
/**
 * `AWS::EFS::FileSystem`: unencrypted unless `Encrypted` is true (default key
 * `aws/elasticfilesystem`). Tags are in `FileSystemTags`.
 */
export function fileSystemView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = bool(p.Encrypted, false);
  const encryption: Encryption =
    encrypted instanceof Unknown
      ? { atRest: encrypted }
      : encrypted
        ? kmsEncryption(p.KmsKeyId, ctx.graph, 'kms-provider-key', r)
        : { atRest: 'none' };
  const tagged = p.FileSystemTags === undefined ? r : withTags(r, p.FileSystemTags);
  return base(r, 'file-system', encryption, classificationOf(tagged));
}
