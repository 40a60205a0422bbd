export declare const MARKERS: { inputs: [string, string]; outputs: [string, string] }
export declare function renderTables(actionYmlText: string, file?: string): { inputs: string; outputs: string }
export declare function updateReadme(readmeText: string, actionYmlText: string, file?: string): string
