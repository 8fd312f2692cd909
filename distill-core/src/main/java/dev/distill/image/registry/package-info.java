/**
 * The OCI distribution API client: {@link dev.distill.image.registry.RegistryClient} pushes and
 * pulls with anonymous, basic or bearer-token auth; {@link
 * dev.distill.image.registry.ImageReference} parses {@code host[:port]/name[:tag][@digest]}.
 */
package dev.distill.image.registry;
