-- Closes a conversation claimed by the agent. KEYS: conversation hash, active zset, by-mobile hash, change stream
-- ARGV: agent, at (epoch ms), id
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'UNKNOWN_CONVERSATION' end
if status == 'CLOSED' then return 'CLOSED' end
if status ~= 'CLAIMED' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[1] then return 'NOT_YOURS' end
redis.call('HSET', KEYS[1], 'status', 'CLOSED', 'lastAt', ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[3])
local mobile = redis.call('HGET', KEYS[1], 'mobile')
if redis.call('HGET', KEYS[3], mobile) == ARGV[3] then redis.call('HDEL', KEYS[3], mobile) end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', '10000', '*', 'kind', 'closed', 'conv', ARGV[3], 'at', ARGV[2],
  'agent', ARGV[1])
return 'OK'
