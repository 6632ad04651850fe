/**
 * The process that runs a Pulumi program: reads a {@link CaptureRequest} from the file named by its
 * first argument and writes the {@link CaptureResult} to the file named by its second. What the
 * program prints is its own; the result never goes to standard output.
 */
import * as fs from 'node:fs';
import { capture, oneLine, type CaptureRequest, type CaptureResult } from './capture';

async function main(): Promise<void> {
  const [requestFile, resultFile] = process.argv.slice(2);
  if (!requestFile || !resultFile) throw new Error('usage: runner <request.json> <result.json>');
  const request = JSON.parse(fs.readFileSync(requestFile, 'utf8')) as CaptureRequest;
  let result: CaptureResult;
  try {
    result = await capture(request);
  } catch (e) {
    result = { resources: [], invokes: [], error: oneLine(e) };
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
  // A program may leave timers or sockets open: the result is written, the run is over.
  process.exit(0);
}

void main();
