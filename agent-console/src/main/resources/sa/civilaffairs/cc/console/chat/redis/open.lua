-- Applies a citizen's message from the inbox stream once: opens their conversation (or continues the one not yet
-- closed) and appends the message.
-- KEYS: by-mobile hash, active zset, seq counter, change stream, seen marker of the inbox entry
-- ARGV: mobile, lang, text, at (epoch ms), conversation key prefix, messages key prefix
if not redis.call('SET', KEYS[5], '1', 'NX', 'EX', '86400') then
  return false
end
local id = redis.call('HGET', KEYS[1], ARGV[1])
local opened = 0
if not id then
  id = 'c' .. redis.call('INCR', KEYS[3])
  redis.call('HSET', ARGV[5] .. id, 'id', id, 'mobile', ARGV[1], 'lang', ARGV[2], 'status', 'OPEN', 'agent', '',
    'openedAt', ARGV[4], 'lastAt', ARGV[4])
  redis.call('HSET', KEYS[1], ARGV[1], id)
  redis.call('ZADD', KEYS[2], ARGV[4], id)
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', '10000', '*', 'kind', 'opened', 'conv', id, 'at', ARGV[4], 'agent', '')
  opened = 1
end
local mid = redis.call('XADD', ARGV[6] .. id, '*', 'dir', 'FROM_CITIZEN', 'author', '', 'text', ARGV[3], 'sms', '',
  'at', ARGV[4])
redis.call('HSET', ARGV[5] .. id, 'lastAt', ARGV[4])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', '10000', '*', 'kind', 'message', 'conv', id, 'at', ARGV[4], 'msg', mid,
  'agent', '')
return {id, opened}
