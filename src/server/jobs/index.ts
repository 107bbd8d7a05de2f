export { enqueue, type NewJob } from './queue';
export { JobWorker, type JobHandler, type JobInfo, type JobWorkerOptions } from './worker';
