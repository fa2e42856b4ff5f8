-- Everything a turn needs to start, in one round trip: the answer already given to the message (if any) and the
-- number's dialog state. KEYS[1] turn record, KEYS[2] state hash. Returns {answer or false, {field, value, ...}}.
return {redis.call('GET', KEYS[1]), redis.call('HGETALL', KEYS[2])}
