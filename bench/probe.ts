import { national } from "./national";
console.log(JSON.stringify(national(), null, 1));
