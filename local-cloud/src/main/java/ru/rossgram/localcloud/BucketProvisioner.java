package ru.rossgram.localcloud;

import java.util.List;

import org.jclouds.blobstore.BlobStore;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.PhysicalNames;

/**
 * Creates the template's buckets that the store does not have yet; existing ones keep their
 * objects. It works on S3Proxy's blob store directly, which is what S3Proxy's CreateBucket does,
 * so that start-up need not build an S3 client.
 */
final class BucketProvisioner {

    private final BlobStore blobStore;
    private final PhysicalNames names;

    BucketProvisioner(BlobStore blobStore, PhysicalNames names) {
        this.blobStore = blobStore;
        this.names = names;
    }

    void provision(List<BucketSpec> buckets) {
        for (BucketSpec bucket : buckets) {
            String name = names.of(bucket.logicalId());
            if (!blobStore.containerExists(name)) {
                blobStore.createContainerInLocation(null, name);
            }
        }
    }
}
