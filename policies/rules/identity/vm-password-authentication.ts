import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-014',
  title: 'Linux virtual machines accept SSH keys only, no passwords',
  severity: 'high',
  controls: ['mcsb-v1:IM-6', 'mcsb-v1:PV-3', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access'],
  rationale:
    'A password that signs in over SSH can be guessed, sprayed or reused from another breach; a key cannot. Turning ' +
    'password authentication off leaves keys (or Entra ID sign-in through the VM extension) as the only way in. ' +
    'Where the machine does not say, Azure decides from the credentials it is given: that is not a setting the ' +
    'program controls, so it is reported as unknown.',
  fix: {
    pulumi:
      'Set `osProfile.linuxConfiguration.disablePasswordAuthentication: true` on the `compute.VirtualMachine`, give `osProfile.linuxConfiguration.ssh.publicKeys` and no `adminPassword`.',
  },
  appliesTo: ['virtual-machine'],
  check(view) {
    const pw = view.passwordAuthentication;
    if (pw === undefined) return notApplicable('not a Linux machine whose SSH sign-in the source reads');
    if (pw instanceof Unknown)
      return unknown(`\`${view.name}\`: whether SSH accepts passwords cannot be resolved (${pw.reason})`);
    return pw
      ? fail(`\`${view.name}\` accepts password sign-in over SSH (\`disablePasswordAuthentication\` false)`)
      : pass(`\`${view.name}\` accepts SSH keys only`);
  },
});
