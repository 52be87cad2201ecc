/**
 * Juki-net (住基ネット): the network between municipalities. One envelope ({@link jp.jukiflow.jukinet.Envelope}) for
 * every message, one port ({@link jp.jukiflow.jukinet.JukinetGateway}) to send, one inbox
 * ({@code internal.JukinetInbox}) that logs what arrives and hands it to the
 * {@link jp.jukiflow.jukinet.JukinetMessageHandler} beans of the other modules. Every message sent or received is kept
 * in the message log, which is also the provision record (提供状況) of docs/domain.md §8.
 *
 * <p>The transport behind the port lives in {@code internal}: an in-process adapter for the municipalities this
 * deployment serves, which writes the envelope to JSON text and reads it back exactly as the HTTP adapter does, and
 * the HTTP adapter for other deployments (signed with a key shared per peer) with its receiving endpoint.
 */
package jp.jukiflow.jukinet;
