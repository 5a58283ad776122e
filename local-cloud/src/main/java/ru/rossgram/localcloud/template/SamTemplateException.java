package ru.rossgram.localcloud.template;

/** The template cannot be read, or says something this module cannot honour locally. */
public class SamTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where in the template
     */
    public SamTemplateException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where in the template
     * @param cause the underlying failure
     */
    public SamTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
