-- KEYS[1] a failure counter. Returns {count, milliseconds left in its window}.
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
return {n, redis.call('PTTL', KEYS[1])}
