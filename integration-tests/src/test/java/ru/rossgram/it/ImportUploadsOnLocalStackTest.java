package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** Uploading an export against LocalStack, where a Docker engine answers; skipped cleanly where there is none. */
@ExtendWith(LocalStackBackend.class)
class ImportUploadsOnLocalStackTest extends ImportUploadsContract {
}
