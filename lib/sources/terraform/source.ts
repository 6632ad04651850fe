import * as fs from 'node:fs';
import { terraformAdapters } from '../../views/terraform';
import type { Source, SourceRead } from '../source';
import { isTerraformArtifact, readTerraform } from './index';

/** Terraform plans (`terraform show -json`), `cdk.tf.json` files and `cdktf.out` directories. */
export const terraformSource: Source = {
  kind: 'terraform',
  title: 'Terraform plans (terraform show -json), cdk.tf.json and cdktf.out directories',
  recognises(p: string): boolean {
    try {
      fs.statSync(p);
    } catch {
      return false;
    }
    return isTerraformArtifact(p);
  },
  read(p: string): SourceRead {
    return readTerraform(p);
  },
  notRecognised(): string {
    return 'not a Terraform artifact: it has no `format_version` with planned values, and no `resource` or `data` block';
  },
  adapters: terraformAdapters,
};
