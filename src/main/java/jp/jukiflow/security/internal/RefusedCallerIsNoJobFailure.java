package jp.jukiflow.security.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda counts a refused "execute this job now" (Cockpit's retry button, {@code POST /job/{id}/execute}) as a failure
 * of the job: a manager, who may only read, or anyone of another municipality could wear down a job's retries and
 * raise an incident without running it. When the engine's own permission or tenant check of the caller refuses the
 * execution, the job keeps its retries; every other failure is handled as before (retry cycle, then incident).
 */
@Component
class RefusedCallerIsNoJobFailure extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) ->
                refusedCaller(failure) ? commandContext -> null : standard.getCommand(jobId, failure));
    }

    /** Thrown by a command checker's {@code checkUpdateJob} called directly by {@link ExecuteJobsCmd}, before the job ran. */
    static boolean refusedCaller(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i + 1 < frames.length; i++) {
                if (frames[i].getMethodName().equals("checkUpdateJob") && frames[i].getClassName().endsWith("CommandChecker")
                        && frames[i + 1].getClassName().equals(ExecuteJobsCmd.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
