package org.homestretch.illustration;

/** A pose a body cannot take, or a figure that cannot be drawn; the message names the joint or part. */
public class PoseException extends IllegalArgumentException {
    public PoseException(String message) {
        super(message);
    }
}
