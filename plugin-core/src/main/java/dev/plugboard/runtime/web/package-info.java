/**
 * The servlet side of the runtime that the starter wires into Spring MVC: the
 * before-request filter, the mapping of rejections and faults to problem+json, and the
 * combined plugin routes.
 */
@NullMarked
package dev.plugboard.runtime.web;

import org.jspecify.annotations.NullMarked;
