package dev.plugboard.runtime.data;

interface TicketRepository extends BatchRepository<Ticket, Long> {

}
