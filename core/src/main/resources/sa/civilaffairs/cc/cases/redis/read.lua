-- Reads a case and its history in one step, so the status and the history always agree.
-- KEYS[1] the case's hash, KEYS[2] its history list (same slot)
-- Returns {flat hash fields, history steps}; the first is empty when there is no such case.
return {redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}
