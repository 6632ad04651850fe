import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-005',
  title: 'User directories require multi-factor authentication',
  severity: 'medium',
  controls: ['mcsb-v1:IM-6', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access'],
  rationale:
    'Passwords alone fall to phishing, reuse and credential stuffing. A user pool with MFA `OFF` cannot ask for a ' +
    'second factor at all; with `OPTIONAL` each user decides, and most never enrol. Requiring MFA makes a stolen ' +
    'password insufficient.',
  fix: {
    cdk: 'Set `mfa: cognito.Mfa.REQUIRED` with `mfaSecondFactor: { otp: true, sms: false }` (or passkeys / email OTP on the Essentials tier) on the user pool.',
    terraform:
      'Set `mfa_configuration = "ON"` on the `aws_cognito_user_pool` with `software_token_mfa_configuration { enabled = true }`.',
  },
  appliesTo: ['user-directory'],
  check(view) {
    const mfa = view.mfa;
    if (mfa instanceof Unknown)
      return unknown(`\`${view.name}\`: the MFA configuration cannot be resolved (${mfa.reason})`);
    if (mfa === 'required') return pass(`\`${view.name}\` requires MFA`);
    return fail(
      mfa === 'optional'
        ? `\`${view.name}\` leaves MFA optional for each user`
        : `\`${view.name}\` does not offer MFA (MFA is off)`,
    );
  },
});
