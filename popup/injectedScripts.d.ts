// crxjs builds a script imported with `?script&iife` on its own, for `scripting.executeScript`,
// and the import is its address in the build.
/// <reference types="@crxjs/vite-plugin/client" />
