import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { Unknown, type ValueObject } from '../../lib/graph/values';
import { instanceView, launchTemplateView } from '../../lib/views/cloudformation/compute';

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** A resource as a CloudFormation source reads it. */
function resource(type: string, properties: ValueObject): Resource {
  return { address: 'S/Vm', type, source: 'cloudformation', properties, tags: {}, logicalId: 'Vm' };
}

function imds(type: string, properties: ValueObject): unknown {
  const r = resource(type, properties);
  const view = type === 'AWS::EC2::Instance' ? instanceView : launchTemplateView;
  return view(r, { graph: new ResourceGraph([r]) }).imdsV2Required;
}

describe('IMDSv2 default of Amazon Linux 2023 images', () => {
  // An SSM-typed parameter the resolver leaves unresolved, displayed as the dynamic reference it stands for.
  const unresolvedParameter = new Unknown(
    'parameter `LatestAmiId` is resolved from SSM at deploy time',
    [],
    `{{resolve:ssm:${AL2023}}}`,
  );

  test.each([
    ['the SSM path (a parameter resolved to its default)', AL2023],
    ['a dynamic reference', `{{resolve:ssm:${AL2023}}}`],
    ['a dynamic reference to a version', `{{resolve:ssm:${AL2023}:42}}`],
    ['an unresolved parameter whose display is the dynamic reference', unresolvedParameter],
  ])('an instance whose image is %s requires IMDSv2', (_what, imageId) => {
    expect(imds('AWS::EC2::Instance', { ImageId: imageId })).toBe(true);
    expect(imds('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { ImageId: imageId } })).toBe(true);
  });

  test.each([
    ['an Amazon Linux 2 path', '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2'],
    ['an AMI id', 'ami-12345678'],
    ['a path that only contains the AL2023 one', `/custom${AL2023}`],
    ['an unresolved parameter of another image', new Unknown('no default', [], '{{resolve:ssm:/my/ami}}')],
    ['an unresolved parameter with no display', new Unknown('parameter `Ami` has no default')],
  ])('an instance whose image is %s keeps IMDSv1 on the defaults', (_what, imageId) => {
    expect(imds('AWS::EC2::Instance', { ImageId: imageId })).toBe(false);
  });

  test('explicit optional tokens win over the image default', () => {
    const options = { HttpTokens: 'optional' };
    expect(imds('AWS::EC2::Instance', { ImageId: AL2023, MetadataOptions: options })).toBe(false);
    expect(
      imds('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { ImageId: AL2023, MetadataOptions: options } }),
    ).toBe(false);
  });
});
