import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-013',
  title: 'AI services accept no API keys, only cloud identities',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'An AI service account with local authentication on answers anyone holding one of its two API keys: the keys ' +
    'never expire, are shared by every caller, name no one in the logs, and are easily copied into code, ' +
    'notebooks and prompts. Whoever holds one can read uploaded files and conversation state and spend the ' +
    "account's quota. With local authentication off, every call carries a token of the identity service, " +
    'granted per identity through roles and revoked with it.',
  fix: {
    pulumi:
      '`cognitiveservices.Account`: `properties: { disableLocalAuth: true }`, and grant callers the Cognitive ' +
      'Services User (or OpenAI User) role; managed identities call it with tokens.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const local = view.localAuthentication;
    if (view.storeType !== 'ai-service' || local === undefined) return notApplicable('not an AI service');
    if (local instanceof Unknown)
      return unknown(`\`${view.name}\`: local authentication cannot be resolved (${local.reason})`);
    if (local) return fail(`\`${view.name}\` accepts API keys (local authentication is on)`);
    return pass(`\`${view.name}\` accepts cloud identities only`);
  },
});
