import type { Resource } from '../../graph/resource';
import { Unknown, asString, show } from '../../graph/values';
import type { CertificateView } from '../kinds';
import { displayName } from '../common/naming';

/* ACM certificates -> certificate views. */

/**
 * `AWS::CertificateManager::Certificate` -> certificate: `ValidationMethod` (`DNS` or `EMAIL`), or
 * `private` when a private certificate authority issues it.
 */
export function certificateView(r: Resource): CertificateView {
  const p = r.properties;
  const method = asString(p.ValidationMethod);
  let validation: CertificateView['validation'];
  if (p.CertificateAuthorityArn !== undefined) validation = 'private';
  else if (method instanceof Unknown) validation = method;
  else if (method === 'DNS' || method === 'EMAIL') validation = method;
  else validation = new Unknown(`certificate validation method is ${show(p.ValidationMethod)}`);
  return { kind: 'certificate', resource: r, name: displayName(r), validation };
}
