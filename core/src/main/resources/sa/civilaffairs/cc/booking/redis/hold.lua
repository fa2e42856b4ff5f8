-- Office-day step: keeps one place of a slot for a while. One cluster slot: keys tagged {bk:<office>:<date>}.
-- KEYS[1] used places of the office-day (hash)  KEYS[2] live holds of the slot (sorted set hold id -> expiry ms)
-- KEYS[3] slots of the office-day that may have live holds (sorted set slot field -> latest hold expiry ms), so a
-- free-slots query looks at the holds of those slots only
-- ARGV[1] slot field  ARGV[2] capacity  ARGV[3] hold id  ARGV[4] ttl ms
-- Returns {"HELD", expiryMs} | {"SLOT_FULL"}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local used = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if used + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then
  return {'SLOT_FULL'}
end
local ttl = tonumber(ARGV[4])
local expiry = now + ttl
redis.call('ZADD', KEYS[2], expiry, ARGV[3])
if redis.call('PTTL', KEYS[2]) < ttl then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZADD', KEYS[3], 'GT', expiry, ARGV[1])
if redis.call('PTTL', KEYS[3]) < ttl then
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return {'HELD', tostring(expiry)}
