-- KEYS[1] a session hash; ARGV[1] the idle timeout in milliseconds.
-- Reads the session and restarts its idle clock in one round trip; an expired session is simply gone.
local s = redis.call('HGETALL', KEYS[1])
if #s > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return s
