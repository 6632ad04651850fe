/** One artifact that was read: a stack (or nested stack) template, a Terraform plan or configuration. */
export interface TemplateInfo {
  /** The stack (CloudFormation, CDKTF) or configuration the artifact holds. */
  readonly stack: string;
  readonly file: string;
  /** How many resources were read from it. */
  readonly resources: number;
}
