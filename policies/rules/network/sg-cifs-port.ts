import { defineRule } from '../../../lib/engine/rule';
import { checkWorldIngress } from './sg-admin-ports';

/** SMB/CIFS file sharing: 445 (SMB over TCP) and 139 (NetBIOS session service). */
export const CIFS_PORTS: readonly number[] = [139, 445];

export default defineRule({
  id: 'BW-NS-017',
  title: 'Security groups allow no ingress from the internet to CIFS/SMB file sharing',
  severity: 'high',
  controls: ['cis-aws-5.0:5.1.2', 'mcsb-v1:NS-1', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'data-breach', 'malicious-code'],
  rationale:
    'SMB exposed to the internet is how wormable exploits (EternalBlue, SMBGhost) and ransomware spread, and it ' +
    'leaks NTLM credentials to anyone who connects. File shares (FSx for Windows, Storage Gateway, Windows hosts) ' +
    'are reached from trusted networks only. ' +
    'Any /0 counts as the internet whatever its address part, and so does a public range wider than a /8 (IPv4) or a ' +
    '/16 (IPv6).',
  fix: {
    cdk: 'Allow ports 445 and 139 only from the security groups or private ranges of the clients that mount the share; reach it from outside through a VPN.',
    terraform:
      "Allow ports 445 and 139 on the `aws_security_group` only from the clients' security groups (`source_security_group_id` / `referenced_security_group_id`) or private `cidr_blocks`; reach the share from outside through a VPN. On an `azurerm_network_security_group`, no `Allow` `security_rule` (or `azurerm_network_security_rule`) with `source_address_prefix` `*`, `Internet` or `0.0.0.0/0` may cover 445 or 139.",
  },
  appliesTo: ['firewall'],
  check(view) {
    return checkWorldIngress(view.name, view.rules, CIFS_PORTS, 'CIFS port');
  },
});
