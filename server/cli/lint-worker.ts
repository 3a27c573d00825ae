/** Worker thread entry: lints the files it is sent, one at a time, and posts each outcome back. */
import { parentPort } from 'node:worker_threads';
import { lintFileJob, type FileJob } from './lint-file.js';

parentPort?.on('message', (job: FileJob) => {
  try {
    parentPort?.postMessage(lintFileJob(job));
  } catch (error) {
    parentPort?.postMessage({ index: job.index, display: job.display, kind: 'unreadable', message: `Checking this file failed: ${error instanceof Error ? error.message : String(error)}` });
  }
});
