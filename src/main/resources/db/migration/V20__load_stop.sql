-- An administrator's stop of a running load (R-SIS-1, the loads screen), seen by the instance that
-- runs it at its next chunk: the step then ends STOPPED with the reader's place of its last
-- committed chunk, so that a resumption goes on exactly from there.
ALTER TABLE load_run ADD COLUMN stop_requested BOOLEAN NOT NULL DEFAULT FALSE;
