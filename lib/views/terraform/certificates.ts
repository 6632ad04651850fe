import type { Resource } from '../../graph/resource';
import { Unknown, asString, show } from '../../graph/values';
import type { CertificateView } from '../kinds';
import { displayName } from '../common/naming';
import { unset } from './arguments';

/**
 * `aws_acm_certificate` -> certificate: `validation_method` (`DNS` or `EMAIL`), or `private` when a
 * private certificate authority issues it (`certificate_authority_arn`). An imported certificate
 * (`private_key`) is not validated nor renewed by ACM: unknown, as is a method the configuration
 * leaves to the provider.
 */
export function certificateView(r: Resource): CertificateView {
  const p = r.properties;
  const method = unset(p.validation_method) ? undefined : asString(p.validation_method);
  let validation: CertificateView['validation'];
  if (!unset(p.certificate_authority_arn)) validation = 'private';
  else if (!unset(p.private_key))
    validation = new Unknown('the certificate is imported: ACM neither validates nor renews it');
  else if (method instanceof Unknown) validation = method;
  else if (method === 'DNS' || method === 'EMAIL') validation = method;
  else if (method === undefined) validation = new Unknown('the certificate declares no `validation_method`');
  else validation = new Unknown(`certificate validation method is ${show(p.validation_method)}`);
  return { kind: 'certificate', resource: r, name: displayName(r), validation };
}
