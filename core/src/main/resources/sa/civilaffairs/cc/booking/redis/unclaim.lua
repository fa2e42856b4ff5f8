-- Frees the person's claim on a service after a cancellation, if it still names that appointment.
-- One cluster slot: KEYS[1] claim key {bkp:<person>}:claim:<service>.  ARGV[1] reference.
local claim = redis.call('GET', KEYS[1])
if claim and string.match(claim, '^[^|]+|([^|]+)') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {'RELEASED'}
end
return {'KEPT'}
