-- Publishes a screen pop once per (agent, call), whichever console instance (or AMI reconnect) offers it again.
-- KEYS: seen marker {pop:<agent>}:seen:<callId>, the agent's pop stream {pop:<agent>}:pops
-- ARGV: pop JSON, pub/sub channel, agent, seen TTL (s), stream TTL (s)
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
  return false
end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', '50', '*', 'pop', ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[2], ARGV[3] .. '\n' .. id .. '\n' .. ARGV[1])
return id
