// Reads GIFT on standard input, prints gift-pegjs's parse as JSON (exit 1 on a syntax error).
const parser = require("gift-pegjs");
const source = require("fs").readFileSync(0, "utf8");
try {
  process.stdout.write(JSON.stringify(parser.parse(source)));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error.message, location: error.location }));
  process.exit(1);
}
