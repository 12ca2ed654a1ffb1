package io.keyturn.problems.entity;

import java.util.List;

/** A validation failure found by hand rather than by Bean Validation; answered exactly like one. */
public class InvalidFieldsException extends ProblemException {

    private final transient Problem problem;

    public InvalidFieldsException(Problem.FieldError... errors) {
        this(List.of(errors));
    }

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(ProblemType.VALIDATION_FAILED);
        this.problem = Problem.invalidFields(errors);
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
