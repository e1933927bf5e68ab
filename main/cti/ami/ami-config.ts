/** The AMI adapter's settings live with the app configuration, which validates them at start-up. */
export * from '../../config/ami-config.schema';
