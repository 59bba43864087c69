/**
 * The {@code email} built-in: an {@link dev.plugboard.builtin.email.EmailSender} backed
 * by Spring's {@code JavaMailSender}, templates with escaped {@code {{variable}}}
 * placeholders, and messages sent through the outbox when an entity is written.
 */
@NullMarked
package dev.plugboard.builtin.email;

import org.jspecify.annotations.NullMarked;
