-- Records an agent's reply. KEYS: conversation hash, messages stream, change stream
-- ARGV: agent, text, sms id, at (epoch ms), id
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'UNKNOWN_CONVERSATION'} end
if status == 'CLOSED' then return {'CLOSED'} end
if status ~= 'CLAIMED' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[1] then return {'NOT_YOURS'} end
local mid = redis.call('XADD', KEYS[2], '*', 'dir', 'TO_CITIZEN', 'author', ARGV[1], 'text', ARGV[2], 'sms', ARGV[3],
  'at', ARGV[4])
redis.call('HSET', KEYS[1], 'lastAt', ARGV[4])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', '10000', '*', 'kind', 'message', 'conv', ARGV[5], 'at', ARGV[4],
  'msg', mid, 'agent', ARGV[1])
return {'OK', mid}
