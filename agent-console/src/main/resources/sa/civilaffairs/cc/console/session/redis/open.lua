-- KEYS[1] a new session hash; ARGV[1] the idle timeout in milliseconds; ARGV[2..] field, value pairs.
-- Written and given its expiry in one step, so no session can outlive its timeout.
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
