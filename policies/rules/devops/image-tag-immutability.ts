import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DS-006',
  title: 'Container image repositories keep tags immutable',
  severity: 'medium',
  controls: ['mcsb-v1:DS-2', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-05'],
  threats: ['malicious-code', 'vulnerable-dependency'],
  rationale:
    'With mutable tags, anyone who can push to the repository can replace the image behind `v1.4.2` (or `latest`) ' +
    'that a task definition or a deployment pins: the next deploy or scale-out runs code nobody reviewed or scanned. ' +
    'Immutable tags make a tag name one image forever.',
  fix: {
    cdk: 'Set `imageTagMutability: ecr.TagMutability.IMMUTABLE` on the repository (deploy by immutable tag or by digest).',
    terraform:
      'Set `image_tag_mutability = "IMMUTABLE"` on the `aws_ecr_repository` (deploy by immutable tag or by digest).',
  },
  appliesTo: ['posture'],
  check(view) {
    const immutable = view.immutableTags;
    if (view.service !== 'vulnerability-scanning' || immutable === undefined)
      return notApplicable('not an image repository');
    if (immutable instanceof Unknown)
      return unknown(`\`${view.name}\`: tag mutability cannot be resolved (${immutable.reason})`);
    return immutable
      ? pass(`\`${view.name}\` keeps image tags immutable`)
      : fail(`\`${view.name}\` lets pushed images overwrite existing tags (\`MUTABLE\`)`);
  },
});
