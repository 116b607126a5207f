package org.homestretch.image;

/** An uploaded image refused; the message is for the user, shown next to {@link #field()}. */
public class ImageException extends RuntimeException {

    private final String field;

    public ImageException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
