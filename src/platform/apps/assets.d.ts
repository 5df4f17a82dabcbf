/** An asset Vite copies into the build, imported as its address there. */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
