import type { Rule } from '../../../lib/engine/rule';
import configRecordsAll from './config-records-all';
import imageScanning from './image-scanning';
import threatDetectionEnabled from './threat-detection-enabled';

export const postureRules: readonly Rule[] = [threatDetectionEnabled, configRecordsAll, imageScanning];
