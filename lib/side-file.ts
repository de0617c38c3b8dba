/** A file written beside the manifests, which `kubectl apply -f dist` ignores (not YAML/JSON). */
export interface SideFile {
  readonly name: string;
  readonly content: string;
  readonly mode?: number;
}
