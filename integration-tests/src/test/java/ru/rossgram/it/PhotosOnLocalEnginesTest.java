package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The photos contract against DynamoDB Local and S3Proxy. S3Proxy checks SigV4 as S3 does, which the
 * contract relies on (LocalStack skips presigned-URL signature checks by default, so there is no LocalStack
 * variant of this contract).
 */
@ExtendWith(LocalEngines.class)
class PhotosOnLocalEnginesTest extends PhotosContract {
}
