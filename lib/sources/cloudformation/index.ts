export {
  readCloudAssembly,
  readTemplateFile,
  readTemplateDirectory,
  isCloudAssembly,
  type CloudFormationRead,
  type TemplateInfo,
} from './read';
export { Resolver } from './intrinsics';
