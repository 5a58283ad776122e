package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** Uploading an export against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ImportUploadsOnLocalEnginesTest extends ImportUploadsContract {
}
