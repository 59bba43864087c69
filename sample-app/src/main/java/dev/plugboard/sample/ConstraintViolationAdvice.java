package dev.plugboard.sample;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers writes that break a database constraint (a taken email, deleting a user who
 * still has orders) with a 409 problem instead of a 500.
 */
@RestControllerAdvice
class ConstraintViolationAdvice {

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with existing data: an email already taken, or a user who still has orders");
	}

}
