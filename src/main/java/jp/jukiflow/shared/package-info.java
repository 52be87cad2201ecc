/**
 * Shared kernel: small, dependency-free building blocks used by every module
 * (the exception type for violated domain rules, digit input normalisation).
 *
 * <p>Meant to be declared as a Spring Modulith shared module
 * ({@code @Modulithic(sharedModules = "shared")} on the application class).
 */
package jp.jukiflow.shared;
