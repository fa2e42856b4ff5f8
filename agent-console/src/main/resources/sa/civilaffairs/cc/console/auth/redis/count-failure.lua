-- KEYS[1] a failure counter; ARGV[1] the window in milliseconds.
-- The window starts at the first failure, so a steady trickle cannot keep an account locked for ever.
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
