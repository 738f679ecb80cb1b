package be.uliege.library.registration.load;

import be.uliege.library.registration.load.LoadRun.Status;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the job's outcome on its run (R-SIS-5): completed, stopped or failed; a refusal is written
 * by the check. The rows the check kept are forgotten once the run is over; a stopped or failed run
 * keeps them for its resumption.
 */
class RunListener implements JobExecutionListener {

    private final LoadRuns runs;
    private final PendingRows pending;

    RunListener(LoadRuns runs, PendingRows pending) {
        this.runs = runs;
        this.pending = pending;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long run = execution.getJobParameters().getLong(UniversityLoadJob.RUN);
        runs.attachJob(run, execution.getId());
        runs.resume(run);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long run = execution.getJobParameters().getLong(UniversityLoadJob.RUN);
        if (runs.find(run).map(r -> r.status() == Status.REFUSED).orElse(false)) {
            pending.forget(run);
            return;
        }
        var status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            pending.forget(run);
            runs.finish(run, Status.COMPLETED, null);
        } else if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
            runs.finish(run, Status.STOPPED, null);
        } else {
            var message = execution.getAllFailureExceptions().stream()
                    .findFirst()
                    .map(e -> e.getClass().getSimpleName())
                    .orElse(status.name());
            runs.finish(run, Status.FAILED, message);
        }
    }
}
